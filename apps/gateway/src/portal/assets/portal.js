// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', () => {
  // The error summary takes focus, so a screen reader announces it first (GOV.UK error summary).
  const summary = document.querySelector('[data-error-summary]');
  // No inline handlers (the Content-Security-Policy forbids them): a button marked data-print prints the page.
  document.querySelectorAll('[data-print]').forEach((button) => button.addEventListener('click', () => window.print()));
  if (summary) summary.focus();
  // A form marked data-submit-once sends once, even on a double click.
  document.querySelectorAll('form[data-submit-once]').forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (form.dataset.sent) {
        event.preventDefault();
        return;
      }
      form.dataset.sent = 'yes';
      setTimeout(() => form.querySelectorAll('button[type=submit]').forEach((b) => (b.disabled = true)), 0);
    });
  });
});
