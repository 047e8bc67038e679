/**
 * The files of the official nginx image (nginxinc/docker-nginx) that learners read, mount over or serve. Where the
 * image changed over the years the variants are kept apart; `isModernNginx` says which one a version ships.
 */
import { compareVersions } from '../compareVersions';

/** nginx 1.21.1 restyled the welcome page (612 → 615 bytes) and the images switched to `error_log notice`. */
export function isModernNginx(version: string): boolean {
  return compareVersions(version, '1.21.1') >= 0;
}

const WELCOME_BODY = `<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const MODERN_STYLE = `<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
`;

const CLASSIC_STYLE = `<style>
    body {
        width: 35em;
        margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif;
    }
</style>
`;

/** `/usr/share/nginx/html/index.html`: 615 bytes from 1.21.1, 612 before. */
export function nginxWelcomePage(version: string): string {
  const style = isModernNginx(version) ? MODERN_STYLE : CLASSIC_STYLE;
  return `<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n${style}</head>\n${WELCOME_BODY}`;
}

/** `/usr/share/nginx/html/50x.html`. */
export function nginxErrorPage(version: string): string {
  const style = isModernNginx(version) ? MODERN_STYLE : CLASSIC_STYLE;
  return `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
${style}</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;
}

/** `/etc/nginx/nginx.conf`. Older images ran one worker and logged only warnings. */
export function nginxMainConf(version: string): string {
  const modern = isModernNginx(version);
  return `
user  nginx;
worker_processes  ${modern ? 'auto' : '1'};

error_log  /var/log/nginx/error.log ${modern ? 'notice' : 'warn'};
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;
}

/** `/etc/nginx/conf.d/default.conf` as packaged (the entrypoint later adds `listen [::]:80;`). */
export const NGINX_DEFAULT_CONF = `server {
    listen       80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1:80
    #
    #location ~ \\.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \\.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\\.ht {
    #    deny  all;
    #}
}

`;

/** `/etc/nginx/mime.types`, the common entries of the packaged table. */
export const NGINX_MIME_TYPES = `
types {
    text/html                                        html htm shtml;
    text/css                                         css;
    text/xml                                         xml;
    image/gif                                        gif;
    image/jpeg                                       jpeg jpg;
    application/javascript                           js;
    application/atom+xml                             atom;
    application/rss+xml                              rss;

    text/mathml                                      mml;
    text/plain                                       txt;
    text/vnd.sun.j2me.app-descriptor                 jad;
    text/vnd.wap.wml                                 wml;
    text/x-component                                 htc;

    image/avif                                       avif;
    image/png                                        png;
    image/svg+xml                                    svg svgz;
    image/tiff                                       tif tiff;
    image/webp                                       webp;
    image/x-icon                                     ico;

    font/woff                                        woff;
    font/woff2                                       woff2;

    application/json                                 json;
    application/pdf                                  pdf;
    application/wasm                                 wasm;
    application/xhtml+xml                            xhtml;
    application/zip                                  zip;

    application/octet-stream                         bin exe dll;
    application/octet-stream                         deb;
    application/octet-stream                         dmg;
    application/octet-stream                         iso img;

    audio/mpeg                                       mp3;
    video/mp4                                        mp4;
}
`;

/**
 * The entrypoint hooks of `/docker-entrypoint.d/` (1.19.0 on). Only their names and effects matter here: the
 * `docker-entrypoint.sh` program performs what each one does.
 */
export function nginxEntrypointHooks(version: string): Record<string, string> {
  const hooks: Record<string, string> = {};
  const add = (name: string, what: string) => {
    hooks[`/docker-entrypoint.d/${name}`] = `#!/bin/sh\n# ${what}\n`;
  };
  if (compareVersions(version, '1.19.0') < 0) return hooks;
  add('10-listen-on-ipv6-by-default.sh', 'adds "listen [::]:80;" to the packaged default.conf');
  if (compareVersions(version, '1.25.3') >= 0)
    add('15-local-resolvers.envsh', 'exports NGINX_LOCAL_RESOLVERS when asked to');
  add('20-envsubst-on-templates.sh', 'renders /etc/nginx/templates/*.template into /etc/nginx/conf.d');
  if (compareVersions(version, '1.21.0') >= 0)
    add('30-tune-worker-processes.sh', 'tunes worker_processes when asked to');
  return hooks;
}
