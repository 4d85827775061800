/** @jsxImportSource react */
/**
 * Chakra UI 3 PinInput (Ark UI / Zag underneath), as its documentation shows it: six boxes
 * without autocomplete="one-time-code" or maxlength (the `otp` prop is left off), a hidden input
 * for forms, and the value as an array of characters.
 */
import { ChakraProvider, defaultSystem, PinInput } from '@chakra-ui/react';
import { useState, type ReactNode } from 'react';
import { mount, SignIn } from './react-page';

function Page(): ReactNode {
  const [value, setValue] = useState<string[]>([]);
  const [complete, setComplete] = useState('');
  return (
    <SignIn value={value.join('')} complete={complete}>
      <PinInput.Root
        value={value}
        onValueChange={(details) => setValue(details.value)}
        onValueComplete={(details) => setComplete(details.valueAsString)}
      >
        <PinInput.HiddenInput />
        <PinInput.Control>
          {[0, 1, 2, 3, 4, 5].map((index) => (
            <PinInput.Input key={index} index={index} />
          ))}
        </PinInput.Control>
      </PinInput.Root>
    </SignIn>
  );
}

mount(
  <ChakraProvider value={defaultSystem}>
    <Page />
  </ChakraProvider>,
);
