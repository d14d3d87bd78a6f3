import { render } from 'preact';
import '../../assets/options.css';
import { t } from '../../utils/i18n';
import { App } from './App';

// The page speaks the language of the messages it shows (a translation names its own).
document.documentElement.lang = t('languageTag');
document.title = t('optionsTitle');
render(<App />, document.getElementById('app')!);
