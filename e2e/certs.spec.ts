import { column, expect, linkTo, openCard, screenshot, seriousAxeViolations, test } from './support/fixtures.ts';

const DEFAULT_TOML = '[host."https://cache.example.com"]\n  capabilities = ["pull", "resolve"]\n';
const DOCKER_TOML = 'server = "https://registry-1.docker.io"\n\n[host."https://mirror.example.com"]\n  capabilities = ["pull", "resolve"]\n  [host."https://mirror.example.com".header]\n    Authorization = "Bearer very-secret-token-123"\n';
const PRIVATE_TOML = 'server = "http://registry.example.com:5000"\n';

/** What `head -n 1000 /etc/containerd/certs.d/*\/hosts.toml` prints for the tree. */
const HEAD_OUTPUT = [
  '==> /etc/containerd/certs.d/_default/hosts.toml <==',
  DEFAULT_TOML,
  '==> /etc/containerd/certs.d/docker.io/hosts.toml <==',
  DOCKER_TOML,
  '==> /etc/containerd/certs.d/registry.example.com_5000_/hosts.toml <==',
  PRIVATE_TOML,
].join('\n');

const ETCD = 'quay.io/coreos/etcd:v3.6.0-rc.1';

test('a containerd-only tree with _default and docker.io resolves under containerd 1.7 and 2.0', async ({ page }) => {
  await page.goto(linkTo({ images: ['nginx:1.27', ETCD] }));
  await page.getByRole('radio', { name: 'containerd' }).check();
  await expect(page.getByRole('textbox', { name: 'Left release' })).toHaveValue('containerd v1.7.25');
  await expect(page.getByRole('textbox', { name: 'Right release' })).toHaveValue('containerd v2.0.4');
  // No registries.yaml on plain containerd: the editor asks for certs.d files.
  await expect(page.getByRole('tab', { name: 'registries.yaml' })).toHaveCount(0);

  await page.getByText('Import / export').click();
  await page.getByRole('button', { name: 'Paste files…' }).click();
  await page.getByRole('textbox', { name: /Paste the output of/ }).fill(HEAD_OUTPUT);
  await expect(page.getByText('3 files: _default, docker.io, registry.example.com_5000_')).toBeVisible();
  await page.getByRole('button', { name: 'Use these files' }).click();
  await expect(page.getByRole('tab', { name: /^docker\.io\/hosts\.toml/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^_default\/hosts\.toml/ })).toHaveAttribute('aria-selected', 'true');

  // docker.io: the mirror, then the registry itself (server); both releases agree.
  await openCard(page, 'nginx:1.27');
  const nginx = column(page, 'nginx:1.27', 'containerd v2.0.4');
  await expect(nginx).toContainText('certs.d/docker.io');
  await expect(nginx.getByRole('listitem')).toHaveText([/https:\/\/mirror\.example\.com\/v2\/library\/nginx\/manifests\/1\.27\?ns=docker\.io/, /https:\/\/registry-1\.docker\.io\/v2\/library\/nginx\/manifests\/1\.27/]);
  await expect(column(page, 'nginx:1.27', 'containerd v1.7.25')).toBeVisible();

  // quay.io has no directory: _default, and upstream containerd falls back to quay.io itself even without a server line.
  await openCard(page, ETCD);
  const etcd = column(page, ETCD, 'containerd v2.0.4');
  await expect(etcd).toContainText('certs.d/_default');
  await expect(etcd.getByRole('listitem')).toHaveText([/https:\/\/cache\.example\.com\/v2\/coreos\/etcd\/manifests\/v3\.6\.0-rc\.1\?ns=quay\.io/, /https:\/\/quay\.io\/v2\/coreos\/etcd\/manifests\/v3\.6\.0-rc\.1/]);

  // The same tree under the K3s fork's reader: no server line in _default, no fallback.
  await page.getByRole('textbox', { name: 'Right release' }).fill('v1.32.3+k3s1');
  const forked = column(page, ETCD, 'v1.32.3+k3s1');
  await expect(forked.getByRole('listitem')).toHaveText([/https:\/\/cache\.example\.com\//]);
  await expect(page.locator('section.problems')).toContainText('hosts-toml-no-fallback');
  await screenshot(page, 'certs-containerd-only');
});

test('K3s mode: an extra hosts.toml is deleted at start-up on v1.29.4 and used on v1.31.5', async ({ page }) => {
  await page.goto(linkTo({ images: [ETCD], versions: ['v1.29.4+k3s1', 'v1.31.5+k3s1'] }));
  await page.getByRole('button', { name: '+ hosts.toml' }).click();
  const dir = page.getByRole('combobox', { name: 'certs.d/' });
  await dir.fill('quay.io/x');
  await expect(page.getByText('must be one directory name')).toBeVisible();
  await dir.fill('quay.io');
  await page.getByRole('button', { name: 'Add file' }).click();
  await expect(page.getByRole('tab', { name: /^quay\.io\/hosts\.toml/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: '/var/lib/rancher/k3s/agent/etc/containerd/certs.d/quay.io/hosts.toml' })).toBeVisible();

  await openCard(page, ETCD);
  // v1.29.4 wipes certs.d before writing its files: the wildcard mirror K3s writes serves quay.io.
  await expect(column(page, ETCD, 'v1.29.4+k3s1')).toContainText('certs.d/_default');
  // v1.31.5 keeps directories it does not manage: your quay.io file is read.
  const kept = column(page, ETCD, 'v1.31.5+k3s1');
  await expect(kept).toContainText('certs.d/quay.io');
  await expect(kept.getByRole('listitem')).toHaveText([/https:\/\/mirror\.example\.com\/v2\/coreos\/etcd\//, /https:\/\/quay\.io\/v2\/coreos\/etcd\//]);
  await expect(page.locator('section.problems')).toContainText('Deleted at start-up on v1.29.4+k3s1');

  await page.getByRole('tab', { name: 'hosts.toml files' }).click();
  const yours = page.getByRole('region', { name: 'Your certs.d files' });
  const row = yours.getByRole('row', { name: /quay\.io\/hosts\.toml/ });
  await expect(row.getByRole('cell').nth(0)).toContainText('deleted at start-up');
  await expect(row.getByRole('cell').nth(1)).toContainText('read');
  await screenshot(page, 'certs-k3s-1.29.4-vs-1.31.5');
});

test('a link carries three hosts.toml files, without their credentials, and opens them in a fresh context', async ({ page, browser }) => {
  await page.goto(linkTo({ images: ['nginx:1.27'], product: 'containerd', versions: ['containerd v1.7.25', 'containerd v2.0.4'], yaml: '' }));
  await page.getByText('Import / export').click();
  await page.getByRole('button', { name: 'Paste files…' }).click();
  await page.getByRole('textbox', { name: /Paste the output of/ }).fill(HEAD_OUTPUT);
  await page.getByRole('button', { name: 'Use these files' }).click();
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this playground' });
  await expect(dialog).toContainText('docker.io/hosts.toml line 6');
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  expect(link).toContain('#v3.');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByRole('radio', { name: 'containerd' })).toBeChecked();
  for (const name of ['_default', 'docker.io', 'registry.example.com_5000_']) await expect(other.getByRole('tab', { name: new RegExp(`^${name.replaceAll('.', '\\.')}/hosts\\.toml`) })).toBeVisible();
  await other.getByRole('tab', { name: /^docker\.io\/hosts\.toml/ }).click();
  const editor = other.locator('.monaco-editor .view-lines');
  await expect(editor).toContainText('Authorization = "<redacted>"');
  await expect(editor).not.toContainText('very-secret-token');
  await openCard(other, 'nginx:1.27');
  await expect(column(other, 'nginx:1.27', 'containerd v2.0.4').getByRole('listitem').first()).toContainText('https://mirror.example.com/v2/library/nginx/manifests/1.27?ns=docker.io');
  await fresh.close();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the certs.d files, their tabs, tools and table have no serious accessibility violations (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(linkTo({ certsD: [{ dir: 'docker.io', toml: DOCKER_TOML }, { dir: 'quay.io', toml: 'capabilities = ["fetch"]\n' }], versions: ['v1.29.4+k3s1', 'v1.31.5+k3s1'] }));
    await page.getByRole('tab', { name: /^quay\.io\/hosts\.toml/ }).click();
    await page.getByText('Import / export').click();
  await page.getByRole('button', { name: 'Paste files…' }).click();
    await page.getByRole('button', { name: '+ hosts.toml' }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'hosts.toml files' }).click();
    await expect(page.getByRole('region', { name: 'Your certs.d files' })).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
}
