import { render } from 'preact';
import { t, uiLanguage } from '../src/i18n';
import { App } from './App';

document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
render(<App />, document.getElementById('app') as HTMLElement);
