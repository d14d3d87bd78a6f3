import { render } from 'preact';
import '../../assets/popup.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
