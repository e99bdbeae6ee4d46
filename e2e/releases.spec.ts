import { column, expect, linkTo, openCard, screenshot, test } from './support/fixtures.ts';

const CA_ONLY = 'configs:\n  "registry.example.com:5000":\n    tls:\n      ca_file: /etc/ssl/certs/corp-ca.pem\n';
const APP = 'registry.example.com:5000/team/app:1.0';

test('v1.29.3 against v1.29.4 on a CA-only configs entry: the rejected file and the lost CA are shown', async ({ page }) => {
  await page.goto(linkTo({ yaml: CA_ONLY, images: [APP], versions: ['v1.29.3+k3s1', 'v1.29.4+k3s1'] }));

  // The pickers say what each release runs.
  await expect(page.getByRole('textbox', { name: 'Left release' })).toHaveValue('v1.29.3+k3s1');
  await expect(page.locator('.release-picker').first()).toContainText('P3');
  await expect(page.locator('.release-picker').first()).toContainText('containerd 1.7.11-k3s2');

  const problems = page.getByRole('list', { name: 'Release problems' });
  await expect(problems).toContainText('v1.29.3+k3s1');
  await expect(problems).toContainText('containerd rejects certs.d/registry.example.com:5000/hosts.toml (invalid `host` tree)');
  await expect(problems).toContainText('Lost: the CA');
  await expect(problems).not.toContainText('v1.29.4+k3s1');

  // The pull still works (from the registry itself), so the card starts closed.
  await openCard(page, APP);
  await expect(column(page, APP, 'v1.29.3+k3s1')).toContainText('containerd rejects certs.d/registry.example.com:5000/hosts.toml');
  await expect(column(page, APP, 'v1.29.4+k3s1')).not.toContainText('rejects');
  await expect(page.locator('section.problems')).toContainText('hosts-file-rejected');

  // The files: one view per release, since they write different text; the rejected one says so.
  await page.getByRole('tab', { name: 'hosts.toml files' }).click();
  const v3 = page.getByRole('region', { name: 'Files v1.29.3+k3s1 write' });
  const v4 = page.getByRole('region', { name: 'Files v1.29.4+k3s1 write' });
  await expect(v3.getByRole('tab', { name: /registry\.example\.com:5000 ✕ rejected/ })).toBeVisible();
  await expect(v3).toContainText("Rejected by v1.29.3+k3s1's containerd: invalid `host` tree. Lost: the CA.");
  await expect(v4.getByRole('tab', { name: /rejected/ })).toHaveCount(0);
  await expect(v4.locator('pre')).toContainText('[host]');
  await screenshot(page, 'releases-ca-only-1.29.3-vs-1.29.4');
});

test('the timeline of the #11857 seed marks v1.31.6 and v1.32.2 and names their fixes; a segment opens the comparison', async ({ page }) => {
  await page.goto(linkTo({ view: 'timeline' }));
  const timeline = page.getByTestId('timeline');
  const details = timeline.getByRole('list', { name: 'Release ranges that differ' });
  const v31 = details.getByRole('listitem').filter({ hasText: 'v1.31.6+k3s1' });
  const v32 = details.getByRole('listitem').filter({ hasText: 'v1.32.2+k3s1' });
  await expect(v31).toContainText('no fallback to the registry itself');
  await expect(v31).toContainText('Fixed in v1.31.7+k3s1');
  await expect(v32).toContainText('Fixed in v1.32.3+k3s1');
  // The picture: the 1.32 line has one amber segment, for .2 only.
  const segment = timeline.getByRole('button', { name: /^v1\.32\.2\+k3s1 \(P5a/ });
  await expect(segment).toHaveClass(/status-differs/);
  await expect(timeline.getByRole('button', { name: /^v1\.32\.3\+k3s1 – v1\.32\.11\+k3s1 \(P5/ })).toHaveClass(/status-same/);
  await screenshot(page, 'timeline-seed');

  await segment.click();
  await expect(page.getByRole('tab', { name: 'Endpoint chains' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('textbox', { name: 'Left release' })).toHaveValue('v1.32.2+k3s1');
  await expect(page.getByRole('textbox', { name: 'Right release' })).toHaveValue(/^v1\.36\.\d+\+k3s1$/);
  await expect(column(page, 'nginx:1.27', 'v1.32.2+k3s1')).toContainText('Pull fails');
});

test('the timeline stays readable on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(linkTo({ view: 'timeline' }));
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByRole('button', { name: /^v1\.32\.2\+k3s1 \(P5a/ })).toBeVisible();
  // Nothing scrolls sideways: every line fits the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'timeline-phone');
});

test('the RKE2 switch shows RKE2 paths, its option names and the embedded registry on 9345', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('radio', { name: 'RKE2' }).check();
  await expect(page.getByRole('heading', { name: '/etc/rancher/rke2/registries.yaml' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Left release' })).toHaveValue('v1.32.2+rke2r1');
  await page.getByRole('checkbox', { name: 'embedded-registry: true' }).check();
  await expect(column(page, 'nginx:1.27', 'v1.32.3+rke2r1').getByRole('listitem').first()).toContainText('https://127.0.0.1:9345/v2/library/nginx/manifests/1.27');
  await page.getByRole('tab', { name: 'hosts.toml files' }).click();
  await expect(page.getByText('/var/lib/rancher/rke2/agent/etc/containerd/certs.d/127.0.0.1:9345/hosts.toml').first()).toBeVisible();
  await expect(page.locator('.hosts-file pre').first()).toContainText('/var/lib/rancher/rke2/agent/server-ca.crt');
});

test('a release is typed or picked; a name that is not one keeps the last comparison', async ({ page }) => {
  await page.goto('/');
  const left = page.getByRole('textbox', { name: 'Left release' });
  await left.fill('1.28.7');
  await expect(page.locator('.release-picker').first()).toContainText('P2');
  await expect(column(page, 'nginx:1.27', '1.28.7')).toBeVisible();
  await left.fill('1.28.x');
  await expect(page.locator('.release-picker').first()).toContainText('is not a K3s or RKE2 release');
  await expect(column(page, 'nginx:1.27', '1.28.7')).toBeVisible();
  await page.getByRole('combobox', { name: 'Choose the right release from a list' }).selectOption('v1.29.0+k3s1');
  await expect(column(page, 'nginx:1.27', 'v1.29.0+k3s1')).toContainText('config.toml registry.mirrors');
});
