import { type AnchorHTMLAttributes, type MouseEvent, useEffect, useState } from 'react';
import { parseRoute, type Route } from './route.ts';

const listeners = new Set<() => void>();

/** Moves to `href` without reloading (History API) and tells every listener. */
export function navigate(href: string, replace = false): void {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  for (const l of listeners) l();
  if (!replace) window.scrollTo(0, 0);
}

function currentRoute(): Route {
  return parseRoute(location.pathname, location.search);
}

/** The route of the current address, updated on navigation and on back/forward. */
export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** An ordinary link (it works without JavaScript, opens in a new tab) that navigates in place on a plain click. */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { onClick, href, children, ...rest } = props;
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} {...rest} onClick={click}>
      {children}
    </a>
  );
}
