import { useActions, usePlayground } from '../state/context.tsx';
import { selectBanners, selectFromLink } from '../state/selectors.ts';

export function Banners() {
  const banners = usePlayground(selectBanners);
  const fromLink = usePlayground(selectFromLink);
  const actions = useActions();
  if (banners.length === 0 && !fromLink) return null;
  return (
    <div className="banners">
      {fromLink && (
        <div className="banner banner-info" role="status">
          <p>You are looking at a shared link. Your edits stay in this browser; share again to pass them on.</p>
        </div>
      )}
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
