import { render } from 'preact';
import { App, type AppProps } from './App';

/** The app, loaded by main.ts while the first codes paint. */
export function start(props: AppProps): void {
  render(<App {...props} />, document.getElementById('app') as HTMLElement);
}
