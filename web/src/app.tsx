import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { ErrorBoundary } from './components/error-boundary.tsx';
import { I18nContext } from './i18n/context.ts';
import { chooseLang, type Digits, dirOf, isDigits, LANGS, type Lang } from './i18n/locale.ts';
import { translator } from './i18n/translate.ts';
import { Link, navigate, useRoute } from './navigation.tsx';
import { AgreementPage } from './pages/agreement-page.tsx';
import { ComparePage } from './pages/compare-page.tsx';
import { DayPage } from './pages/day-page.tsx';
import { EventPage } from './pages/event-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { pathOf, type Route } from './route.ts';

// The workspace (signing, forms, persons) is its own chunk: public pages never load it.
const WorkspacePage = lazy(() => import('./workspace/workspace-page.tsx'));

const STORAGE_KEY = 'truce.lang';
const DIGITS_KEY = 'truce.digits';
const DIGIT_SAMPLES: Record<Digits, string> = { latn: '0–9', arab: '٠–٩' };
const LANG_NAMES: Record<Lang, string> = { en: 'English', ar: 'العربية', he: 'עברית' };

function readStored(key = STORAGE_KEY): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** The digits asked for: `?digits=`, then the ones remembered, then Latin. */
function initialDigits(): Digits {
  const asked = new URLSearchParams(location.search).get('digits');
  if (isDigits(asked)) return asked;
  const remembered = readStored(DIGITS_KEY);
  return isDigits(remembered) ? remembered : 'latn';
}

function initialLang(): Lang {
  return chooseLang(
    new URLSearchParams(location.search).get('lang'),
    readStored(),
    navigator.languages ?? [],
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'agreement':
      return <AgreementPage id={route.id} />;
    case 'day':
      return <DayPage id={route.id} date={route.date} />;
    case 'event':
      return <EventPage logId={route.logId} leafHash={route.leafHash} />;
    case 'compare':
      return <ComparePage a={route.a} b={route.b} />;
    case 'workspace':
      return (
        <Suspense fallback={<p role="status">…</p>}>
          <WorkspacePage />
        </Suspense>
      );
    case 'not-found':
      return <NotFound />;
  }
}

function NotFound() {
  return (
    <section>
      <h1>404</h1>
      <p>
        <Link href="/" lang="und-Latn" translate="no">
          Truce
        </Link>
      </p>
    </section>
  );
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const route = useRoute();
  const [digits, setDigits] = useState<Digits>(initialDigits);
  const i18n = useMemo(() => translator(lang, digits), [lang, digits]);
  const { t } = i18n;

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dirOf(lang);
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Private browsing may refuse storage; the language still holds for this page.
    }
  }, [lang]);

  // After navigating in place, move focus to the page so that a screen reader starts there.
  const path = pathOf(route);
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page's path changes.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus();
  }, [path]);

  const chooseDigits = (next: Digits) => {
    setDigits(next);
    try {
      localStorage.setItem(DIGITS_KEY, next);
    } catch {
      // As for the language: the choice still holds for this page.
    }
  };

  const choose = (next: Lang) => {
    setLang(next);
    const url = new URL(location.href);
    url.searchParams.set('lang', next);
    navigate(`${url.pathname}${url.search}${url.hash}`, true);
  };

  return (
    <I18nContext.Provider value={i18n}>
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top">
        {/* The product's name is a name: the same in every language, marked as such. */}
        <Link href="/" className="brand" lang="und-Latn" translate="no">
          {t('app.name')}
        </Link>
        <nav aria-label={t('app.name')}>
          <Link href="/" aria-current={route.page === 'home' ? 'page' : undefined}>
            {t('nav.home')}
          </Link>
          <Link href="/compare" aria-current={route.page === 'compare' ? 'page' : undefined}>
            {t('nav.compare')}
          </Link>
          <Link href="/workspace" aria-current={route.page === 'workspace' ? 'page' : undefined}>
            {t('nav.workspace')}
          </Link>
        </nav>
        <fieldset className="langs" data-testid="lang-switch">
          <legend className="visually-hidden">{t('lang.label')}</legend>
          {LANGS.map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              data-testid={`lang-${l}`}
              aria-pressed={l === lang}
              onClick={() => choose(l)}
            >
              {LANG_NAMES[l]}
            </button>
          ))}
        </fieldset>
        {lang === 'ar' ? (
          <fieldset className="langs digits" data-testid="digits-switch">
            <legend className="visually-hidden">{t('digits.label')}</legend>
            {(['latn', 'arab'] as const).map((d) => (
              <button
                key={d}
                type="button"
                data-testid={`digits-${d}`}
                aria-pressed={d === digits}
                aria-label={t(d === 'latn' ? 'digits.latn' : 'digits.arab')}
                onClick={() => chooseDigits(d)}
              >
                {DIGIT_SAMPLES[d]}
              </button>
            ))}
          </fieldset>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>
        <ErrorBoundary
          key={path}
          fallback={(error) => (
            <p role="alert" className="error">
              {t('common.error', { detail: error.message })}
            </p>
          )}
        >
          <Page route={route} />
        </ErrorBoundary>
      </main>
      <footer className="bottom">
        <p>{t('app.tagline')}</p>
      </footer>
    </I18nContext.Provider>
  );
}
