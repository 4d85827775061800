/** @jsxImportSource react */
/** input-otp: one transparent input (one-time-code) over six drawn slots. */
import { OTPInput } from 'input-otp';
import { useState, type ReactNode } from 'react';
import { mount, SignIn } from './react-page';

function Page(): ReactNode {
  const [value, setValue] = useState('');
  const [complete, setComplete] = useState('');
  return (
    <SignIn value={value} complete={complete}>
      <OTPInput
        maxLength={6}
        value={value}
        onChange={setValue}
        onComplete={(code: string) => setComplete(code)}
        containerClassName="otp"
        render={({ slots }) => (
          <div className="slots">
            {slots.map((slot, i) => (
              <div key={i} className={slot.isActive ? 'slot active' : 'slot'}>
                {slot.char ?? slot.placeholderChar}
              </div>
            ))}
          </div>
        )}
      />
    </SignIn>
  );
}

mount(<Page />);
