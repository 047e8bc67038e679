/**
 * The small simulated internet outside the cluster: a few public sites learners' manifests fetch. Anything else does
 * not resolve, as it would for a name that does not exist.
 */
import type { HttpResponse } from '../os/types';

export interface ExternalSite {
  ip: string;
  /** Path → page; `/` is the home page. */
  pages: Record<string, string>;
  server: string;
}

const CERN_HOME = `<html><head></head><body><header>
<title>http://info.cern.ch</title>
</header>

<h1>http://info.cern.ch - home of the first website</h1>
<p>From here you can:</p>
<ul>
<li><a href="http://info.cern.ch/hypertext/WWW/TheProject.html">Browse the first website</a></li>
<li><a href="http://line-mode.cern.ch/www/hypertext/WWW/TheProject.html">Browse the first website using the line-mode browser simulator</a></li>
<li><a href="http://home.web.cern.ch/topics/birth-web">Learn about the birth of the web</a></li>
<li><a href="http://home.web.cern.ch/about">Learn about CERN, the physics laboratory where the web was born</a></li>
</ul>
</body></html>
`;

const EXAMPLE_HOME = `<!doctype html>
<html>
<head>
    <title>Example Domain</title>
</head>
<body>
<div>
    <h1>Example Domain</h1>
    <p>This domain is for use in illustrative examples in documents. You may use this
    domain in literature without prior coordination or asking for permission.</p>
</div>
</body>
</html>
`;

export const EXTERNAL_SITES: Record<string, ExternalSite> = {
  'info.cern.ch': { ip: '188.184.67.127', pages: { '/': CERN_HOME }, server: 'Apache' },
  'example.com': { ip: '93.184.215.14', pages: { '/': EXAMPLE_HOME }, server: 'ECAcc (lac/55B8)' },
  'www.example.com': { ip: '93.184.215.14', pages: { '/': EXAMPLE_HOME }, server: 'ECAcc (lac/55B8)' },
};

/** IP → the first site listed with it (several names may share an address). */
const SITES_BY_IP = new Map<string, ExternalSite>();
for (const site of Object.values(EXTERNAL_SITES)) if (!SITES_BY_IP.has(site.ip)) SITES_BY_IP.set(site.ip, site);

export function externalSiteByIp(ip: string): ExternalSite | undefined {
  return SITES_BY_IP.get(ip);
}

export function serveExternal(site: ExternalSite, path: string): HttpResponse {
  const page = site.pages[path.split('?')[0] ?? '/'];
  if (page === undefined) {
    const body =
      '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';
    return {
      status: 404,
      statusText: 'Not Found',
      headers: { 'Content-Type': 'text/html; charset=iso-8859-1', Server: site.server },
      body,
    };
  }
  return { status: 200, statusText: 'OK', headers: { 'Content-Type': 'text/html', Server: site.server }, body: page };
}
