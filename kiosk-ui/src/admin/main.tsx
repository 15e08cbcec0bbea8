import { render } from 'preact';
import { adminClient } from './admin-client';
import { AdminApp } from './admin-app';
import './admin.css';

const initialLocale = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN';
render(<AdminApp client={adminClient} initialLocale={initialLocale} />, document.getElementById('app')!);
