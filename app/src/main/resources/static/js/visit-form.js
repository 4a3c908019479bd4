// The visit form: "再添加一名迁入人员" copies an empty moved-in block below the last one.
document.addEventListener('DOMContentLoaded', () => {
    const add = document.querySelector('[data-add-moved-in]');
    const list = document.getElementById('moved-in');
    if (!add || !list) {
        return;
    }
    add.addEventListener('click', () => {
        const blocks = list.querySelectorAll('[data-moved-in]');
        const copy = blocks[blocks.length - 1].cloneNode(true);
        copy.querySelectorAll('input, select').forEach(field => { field.value = ''; });
        list.appendChild(copy);
        copy.querySelector('input').focus();
    });
});
