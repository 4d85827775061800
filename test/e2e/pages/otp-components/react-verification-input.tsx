/** @jsxImportSource react */
/** react-verification-input: one input behind six drawn characters; onComplete at the sixth. */
import { useState, type ReactNode } from 'react';
import Imported from 'react-verification-input';
import { mount, SignIn } from './react-page';

// A webpack CommonJS bundle: the component is the module's `default` member, which the bundler's
// default import hands over wrapped.
const VerificationInput = (
  'default' in Imported ? (Imported as { default: unknown }).default : Imported
) as typeof Imported;

function Page(): ReactNode {
  const [value, setValue] = useState('');
  const [complete, setComplete] = useState('');
  return (
    <SignIn value={value} complete={complete}>
      <VerificationInput
        length={6}
        validChars="0-9"
        value={value}
        onChange={setValue}
        onComplete={setComplete}
      />
    </SignIn>
  );
}

mount(<Page />);
