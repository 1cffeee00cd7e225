/**
 * Where office.js comes from. Office 365 operated by 21Vianet (China) has its own CDN: Microsoft's
 * docs tell add-ins for it to load office.js from there, and the global CDN times out from China
 * (OfficeDev/office-js #739, #801). One page serves both clouds, so the manifest of each flavour
 * names the cloud in the pane's URL (`taskpane.html?cloud=21vianet`, scripts/manifest.ts) and the
 * pages pick the CDN from it. Plain data and string functions: the manifest generator reads it too.
 */
export type OfficeCloud = 'global' | '21vianet';

export const OFFICE_CLOUDS: readonly OfficeCloud[] = ['global', '21vianet'];

export const OFFICE_JS_URLS: Record<OfficeCloud, string> = {
  global: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  '21vianet': 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
};

/** The query parameter of the manifest's URLs that names the cloud; absent means global. */
export const CLOUD_PARAM = 'cloud';

/** The cloud a page's query names (`?cloud=21vianet`); anything else is the global cloud. */
export function cloudFromSearch(search: string): OfficeCloud {
  const value = new URLSearchParams(search).get(CLOUD_PARAM);
  return value === '21vianet' ? '21vianet' : 'global';
}

/** The query a page of this cloud is opened with ('' for the global cloud, so its URLs stay as they were). */
export function cloudQuery(cloud: OfficeCloud): string {
  return cloud === 'global' ? '' : `?${CLOUD_PARAM}=${cloud}`;
}
