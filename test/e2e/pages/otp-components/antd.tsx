/** @jsxImportSource react */
/** antd Input.OTP: boxes without maxlength; onInput reports the cells, onChange the full code. */
import { Input } from 'antd';
import { useState, type ReactNode } from 'react';
import { mount, SignIn } from './react-page';

function Page(): ReactNode {
  const [cells, setCells] = useState<string[]>([]);
  const [complete, setComplete] = useState('');
  return (
    <SignIn value={cells.join('')} complete={complete}>
      <Input.OTP length={6} onInput={setCells} onChange={setComplete} />
    </SignIn>
  );
}

mount(<Page />);
