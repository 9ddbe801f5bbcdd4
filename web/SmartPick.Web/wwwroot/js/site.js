// Small enhancements only; every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Forms marked data-autosubmit send themselves when a filter changes (the submit button stays for keyboards and no-JS).
  document.querySelectorAll("form[data-autosubmit] select, form[data-autosubmit] input[type=checkbox]").forEach((el) => {
    el.addEventListener("change", () => el.form.requestSubmit());
  });
  // Buttons that end something for good ask first (data-confirm holds the question).
  document.querySelectorAll("button[data-confirm]").forEach((button) => {
    button.addEventListener("click", (event) => {
      if (!window.confirm(button.getAttribute("data-confirm"))) event.preventDefault();
    });
  });
  // Open the <details> that holds a form with errors, and focus its first invalid field.
  const invalid = document.querySelector('[aria-invalid="true"]');
  if (invalid) {
    const details = invalid.closest("details");
    if (details) details.open = true;
    invalid.focus();
  }
  // A list still being computed: reload once it is likely ready (the server says when via data-refresh seconds).
  const pending = document.querySelector("[data-refresh]");
  if (pending) {
    const seconds = Number(pending.getAttribute("data-refresh")) || 3;
    setTimeout(() => window.location.reload(), seconds * 1000);
  }
});
