/** A short explanation for people who land here from an issue or a doc. */
export function HowToRead() {
  return (
    <section className="how-to-read-body" aria-label="How to read this">
      <dl>
        <dt>Endpoint chain</dt>
        <dd>
          For every image pull, containerd tries a list of endpoints in order and stops at the first one that has the image. K3s turns{' '}
          <code>registries.yaml</code> into <code>certs.d/&lt;registry&gt;/hosts.toml</code> files that define this list: mirrors first, each with{' '}
          <code>?ns=&lt;registry&gt;</code> so a mirror knows which registry is meant.
        </dd>
        <dt>Default endpoint</dt>
        <dd>
          The registry's own address (<code>registry-1.docker.io</code> for Docker Hub), tried last as a fallback. <code>--disable-default-registry-endpoint</code>{' '}
          removes it, so a pull fails when no mirror has the image.
        </dd>
        <dt>The v1.32.2+k3s1 bug</dt>
        <dd>
          For a <code>"*"</code> wildcard mirror K3s writes <code>server = ""</code> into <code>_default/hosts.toml</code>. The containerd in v1.32.2+k3s1 (and
          v1.31.6+k3s1) reads an empty <code>server</code> as "no default endpoint", so registries without their own entry are never tried directly and pods
          stay in ContainerCreating or ErrImagePull with <code>not found</code>. v1.32.3+k3s1 fixed it. See{' '}
          <a href="https://github.com/k3s-io/k3s/issues/11857">k3s-io/k3s#11857</a>.
        </dd>
        <dt>Pull outcome</dt>
        <dd>Set what each endpoint returns (has the image, not found, unauthorized, unreachable) to see which one serves the pull, or the error containerd reports.</dd>
      </dl>
      <p className="muted">Everything runs in your browser: nothing you type leaves this page.</p>
    </section>
  );
}
