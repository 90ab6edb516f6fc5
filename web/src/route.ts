/** The pages of the dashboard, as the History API paths name them. */
export type Route =
  | { page: 'home' }
  | { page: 'agreement'; id: string }
  | { page: 'day'; id: string; date: string }
  | { page: 'event'; logId: string; leafHash: string }
  | { page: 'compare'; a: string | null; b: string | null }
  | { page: 'workspace' }
  | { page: 'not-found'; path: string };

const SEGMENT = /^[A-Za-z0-9._-]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HASH = /^[0-9a-f]{64}$/;

function decode(segment: string): string | null {
  try {
    const s = decodeURIComponent(segment);
    return SEGMENT.test(s) ? s : null;
  } catch {
    return null;
  }
}

/** The route of a path and query; anything unknown is `not-found`, never an exception. */
export function parseRoute(pathname: string, search = ''): Route {
  const parts = pathname.split('/').filter(Boolean);
  const q = new URLSearchParams(search);
  const [first, second, third, fourth] = parts;
  if (parts.length === 0) return { page: 'home' };
  if (first === 'agreements' && second) {
    const id = decode(second);
    if (id && parts.length === 2) return { page: 'agreement', id };
    if (id && third === 'day' && fourth && DATE.test(fourth) && parts.length === 4)
      return { page: 'day', id, date: fourth };
  }
  if (first === 'logs' && second && third === 'events' && fourth && parts.length === 4) {
    const logId = decode(second);
    if (logId && HASH.test(fourth)) return { page: 'event', logId, leafHash: fourth };
  }
  if (first === 'compare' && parts.length === 1) {
    const a = q.get('a');
    const b = q.get('b');
    return { page: 'compare', a: a && SEGMENT.test(a) ? a : null, b: b && SEGMENT.test(b) ? b : null };
  }
  if (first === 'workspace' && parts.length === 1) return { page: 'workspace' };
  return { page: 'not-found', path: pathname };
}

/** The path of a route (the inverse of parseRoute). */
export function pathOf(route: Route): string {
  switch (route.page) {
    case 'home':
      return '/';
    case 'agreement':
      return `/agreements/${encodeURIComponent(route.id)}`;
    case 'day':
      return `/agreements/${encodeURIComponent(route.id)}/day/${route.date}`;
    case 'event':
      return `/logs/${encodeURIComponent(route.logId)}/events/${route.leafHash}`;
    case 'compare': {
      const q = new URLSearchParams();
      if (route.a) q.set('a', route.a);
      if (route.b) q.set('b', route.b);
      const s = q.toString();
      return s ? `/compare?${s}` : '/compare';
    }
    case 'workspace':
      return '/workspace';
    case 'not-found':
      return route.path;
  }
}
