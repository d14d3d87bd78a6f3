import { render } from 'preact';
import '../../assets/options.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
