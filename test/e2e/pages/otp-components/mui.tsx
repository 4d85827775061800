/** @jsxImportSource react */
/** MUI text fields as code boxes (mui-one-time-password-input): one-time-code, no maxlength. */
import { MuiOtpInput } from 'mui-one-time-password-input';
import { useState, type ReactNode } from 'react';
import { mount, SignIn } from './react-page';

function Page(): ReactNode {
  const [value, setValue] = useState('');
  const [complete, setComplete] = useState('');
  return (
    <SignIn value={value} complete={complete}>
      <MuiOtpInput
        length={6}
        value={value}
        onChange={setValue}
        onComplete={setComplete}
        sx={{ maxWidth: 420, gap: '12px' }}
      />
    </SignIn>
  );
}

mount(<Page />);
