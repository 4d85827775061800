/** @jsxImportSource react */
/** Mantine PinInput: every box is autocomplete="one-time-code", none has maxlength. */
import '@mantine/core/styles.css';
import { MantineProvider, PinInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { mount, SignIn } from './react-page';

function Page(): ReactNode {
  const [value, setValue] = useState('');
  const [complete, setComplete] = useState('');
  return (
    <SignIn value={value} complete={complete}>
      <PinInput
        length={6}
        type="number"
        value={value}
        onChange={setValue}
        onComplete={setComplete}
      />
    </SignIn>
  );
}

mount(
  <MantineProvider>
    <Page />
  </MantineProvider>,
);
