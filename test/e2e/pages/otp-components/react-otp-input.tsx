/** @jsxImportSource react */
/** react-otp-input: six plain inputs without maxlength; the component tracks the focused box. */
import { useState, type ReactNode } from 'react';
import ReactOtpInput, { type OTPInputProps } from 'react-otp-input';
import { mount, SignIn } from './react-page';

// Its types return the global JSX.Element, which Vue's types (in this project too) claim.
const OTPInput = ReactOtpInput as unknown as (props: OTPInputProps) => ReactNode;

function Page(): ReactNode {
  const [otp, setOtp] = useState('');
  return (
    <SignIn value={otp} complete={otp.length === 6 ? otp : ''}>
      <OTPInput
        value={otp}
        onChange={setOtp}
        numInputs={6}
        inputType="tel"
        renderSeparator={<span style={{ padding: '0 4px' }}>-</span>}
        renderInput={(props) => <input {...props} />}
        inputStyle={{ width: '2.5rem', height: '3rem', fontSize: '1.25rem' }}
      />
    </SignIn>
  );
}

mount(<Page />);
