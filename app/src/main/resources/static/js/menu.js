// The header's phone menu: a [data-menu-toggle] button opens and closes the links of its
// [data-menu] header. Wired by data- attributes only (no inline script).
document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-menu-toggle]").forEach(function (button) {
        var header = button.closest("[data-menu]");
        button.addEventListener("click", function () {
            var open = header.classList.toggle("menu-open");
            button.setAttribute("aria-expanded", open ? "true" : "false");
        });
    });
});
