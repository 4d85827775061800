import { render } from 'preact';
import { t, uiLanguage } from '../src/i18n';
import { App } from './App';
import { guardFileDrops } from './drop-guard';

document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
guardFileDrops(window);
render(<App />, document.getElementById('app') as HTMLElement);
