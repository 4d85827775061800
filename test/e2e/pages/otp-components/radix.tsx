/** @jsxImportSource react */
/**
 * Radix UI One-Time Password Field: six inputs in a roving focus group (numeric validation, the
 * box with the tab stop has autocomplete="one-time-code" and a maxlength of six, for autofill), a
 * hidden input for forms; the value is a string. Radix draws nothing: the page styles the boxes.
 */
import * as OneTimePasswordField from '@radix-ui/react-one-time-password-field';
import { useState, type ReactNode } from 'react';
import { mount, SignIn } from './react-page';

function Page(): ReactNode {
  const [value, setValue] = useState('');
  return (
    <SignIn value={value} complete={value.length === 6 ? value : ''}>
      <OneTimePasswordField.Root value={value} onValueChange={setValue}>
        {[0, 1, 2, 3, 4, 5].map((index) => (
          <OneTimePasswordField.Input key={index} className="box" />
        ))}
        <OneTimePasswordField.HiddenInput />
      </OneTimePasswordField.Root>
    </SignIn>
  );
}

mount(<Page />);
