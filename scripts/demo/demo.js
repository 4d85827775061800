// Checks the code with the demo server, as a real site would.
document.getElementById('verify').addEventListener('submit', async (event) => {
  event.preventDefault();
  const code = document.getElementById('code').value;
  const reply = await fetch(`/verify?code=${encodeURIComponent(code)}`).then((r) => r.json());
  const result = document.getElementById('result');
  result.textContent = reply.ok
    ? 'Code accepted: two-step verification works.'
    : 'That code is not right. Try again.';
  result.className = reply.ok ? 'ok' : 'bad';
});
