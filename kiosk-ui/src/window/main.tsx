import { render } from 'preact';
import { useState } from 'preact/hooks';
import { translate, type Locale } from '@eldercare/domain';
import { createActor } from 'xstate';
import { WindowApp } from './window-app';
import { providedWindowTerminal } from './window-host';
import './window.css';

/**
 * The window terminal for staff at a counter: /window/ (Chinese) or /window/?lang=en. The
 * session is an HttpOnly cookie; nothing personal is kept in the browser's storage.
 */
const actor = createActor(providedWindowTerminal());
actor.start();

function Root() {
  const [locale, setLocale] = useState<Locale>(new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN');
  document.documentElement.lang = locale;
  document.title = translate(locale, 'window.title');
  return <WindowApp actor={actor} locale={locale} onLocale={setLocale} />;
}

render(<Root />, document.getElementById('app')!);
