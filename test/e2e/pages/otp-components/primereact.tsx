/** @jsxImportSource react */
/** PrimeReact 10 InputOtp: boxes without maxlength; keys are refused once the row is full. */
import 'primereact/resources/themes/lara-light-blue/theme.css';
import { InputOtp } from 'primereact/inputotp';
import { useState, type ReactNode } from 'react';
import { mount, SignIn } from './react-page';

function Page(): ReactNode {
  const [value, setValue] = useState('');
  return (
    <SignIn value={value} complete={value.length === 6 ? value : ''}>
      <InputOtp
        length={6}
        integerOnly
        value={value}
        onChange={(event) => setValue(String(event.value ?? ''))}
      />
    </SignIn>
  );
}

mount(<Page />);
