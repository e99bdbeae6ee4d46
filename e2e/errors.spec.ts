import { expect, linkTo, openCard, screenshot, seriousAxeViolations, test } from './support/fixtures.ts';

/** As posted in k3s-io/k3s#11857 (crictl pull on v1.32.2+k3s1). */
const NOT_FOUND =
  'FATA[0000] pulling image: rpc error: code = NotFound desc = failed to pull and unpack image "quay.io/coreos/etcd:v3.6.0-rc.1": failed to resolve reference "quay.io/coreos/etcd:v3.6.0-rc.1": quay.io/coreos/etcd:v3.6.0-rc.1: not found';

test('pasting the #11857 "not found" error on the seed points at the v1.32.2 chain and its fix', async ({ page }) => {
  await page.goto(linkTo({ images: ['nginx:1.27'] }));
  await page.getByText('What does this error mean?').click();
  await page.getByRole('textbox', { name: /The error, as kubectl describe pod/ }).fill(NOT_FOUND);
  const reading = page.locator('.error-reading');
  await expect(reading).toContainText('not-found');
  // The image is not a sample yet: one click adds it, and its chains are read.
  await reading.getByRole('button', { name: 'Add it to see its chains' }).click();
  const releases = reading.getByRole('list').first();
  await expect(releases).toContainText('v1.32.2+k3s1: the error fits this chain.');
  await expect(releases).toContainText('https://example.com/v2/coreos/etcd/manifests/v3.6.0-rc.1?ns=quay.io');
  await expect(releases).toContainText('This chain never falls back to the registry itself.');
  await expect(reading).toContainText('v1.32.2+k3s1 never fall back to quay.io');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshot(page, 'paste-an-error');
});

test('auth keyed by the upstream registry: the mirror step says no credentials are sent, with a diagnostic', async ({ page }) => {
  const yaml = 'mirrors:\n  docker.io:\n    endpoint:\n      - "https://harbor.corp.example.net"\nconfigs:\n  docker.io:\n    auth:\n      username: robot\n      password: s3cret-pass-value\n';
  await page.goto(linkTo({ yaml, images: ['nginx:1.27'] }));
  await openCard(page, 'nginx:1.27');
  const mirrorStep = page.locator('li.endpoint.kind-mirror').first();
  await expect(mirrorStep).toContainText('no credentials sent (auth is keyed by "docker.io", not harbor.corp.example.net)');
  await expect(page.locator('section.problems')).toContainText('config-keyed-by-upstream');
  // The editor shows the visitor's own file; the results never repeat a credential.
  await expect(page.getByRole('region', { name: 'Results' })).toContainText('no credentials sent');
  await expect(page.getByRole('region', { name: 'Results' })).not.toContainText('s3cret-pass-value');
});
