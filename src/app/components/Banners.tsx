import { useActions, usePlayground } from '../state/context.tsx';
import { selectBanners } from '../state/selectors.ts';

export function Banners() {
  const banners = usePlayground(selectBanners);
  const actions = useActions();
  if (banners.length === 0) return null;
  return (
    <div className="banners">
      {banners.map((banner) => (
        <div key={banner.id} className={`banner banner-${banner.tone}`} role={banner.tone === 'error' ? 'alert' : 'status'}>
          <p>{banner.text}</p>
          {banner.action !== undefined && (
            <button
              type="button"
              onClick={() => {
                banner.action?.run();
                actions.dismissBanner(banner.id);
              }}
            >
              {banner.action.label}
            </button>
          )}
          <button type="button" className="dismiss" aria-label="Dismiss message" onClick={() => actions.dismissBanner(banner.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
