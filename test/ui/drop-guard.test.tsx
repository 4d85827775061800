// @vitest-environment happy-dom
/**
 * A file dropped on the options page outside the drop area is refused, not opened by the browser
 * in place of the page (losing an import under way, and showing an export's secrets in the tab);
 * the drop area still takes its files.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { guardFileDrops } from '../../options/drop-guard';
import { FileDrop } from '../../ui/FileDrop';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));
afterEach(cleanup);

guardFileDrops(window);

const drag = (type: 'dragover' | 'drop', target: EventTarget, files: File[] = []) => {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { dropEffect: 'copy', files } });
  target.dispatchEvent(event);
  return event as Event & { dataTransfer: { dropEffect: string } };
};

it('refuses a file dropped beside the drop area', () => {
  render(<p data-testid="elsewhere">Preview</p>);
  const elsewhere = screen.getByTestId('elsewhere');
  const over = drag('dragover', elsewhere);
  expect(over.defaultPrevented).toBe(true);
  expect(over.dataTransfer.dropEffect).toBe('none');
  expect(drag('drop', elsewhere).defaultPrevented).toBe(true);
});

it('leaves the drop area its files', () => {
  const onFiles = vi.fn();
  render(
    <FileDrop testId="input" onFiles={onFiles}>
      Drop here
    </FileDrop>,
  );
  const area = screen.getByText('Drop here');
  const over = drag('dragover', area);
  expect(over.defaultPrevented).toBe(true);
  expect(over.dataTransfer.dropEffect).toBe('copy');
  const file = new File(['x'], 'a.txt');
  expect(drag('drop', area, [file]).defaultPrevented).toBe(true);
  expect(onFiles).toHaveBeenCalledWith([file]);
});
