// The inspector's checklist on a phone: every change is kept as a draft in localStorage (fields and
// the photo, downscaled to a JPEG data URL) so that a lost signal or a closed tab loses nothing;
// the draft is cleared once the server has recorded the inspection.
document.addEventListener('DOMContentLoaded', () => {
    const done = document.querySelector('[data-clear-draft]');
    if (done) {
        localStorage.removeItem(done.dataset.clearDraft);
    }
    const form = document.querySelector('form[data-draft-key]');
    if (!form) {
        return;
    }
    const key = form.dataset.draftKey;
    const photoData = form.querySelector('[data-photo-data]');
    const preview = form.querySelector('[data-photo-preview]');
    const fileInput = form.querySelector('[data-photo-input]');
    const location = form.querySelector('[data-location]');

    const save = () => {
        const draft = {};
        form.querySelectorAll('input, select').forEach(field => {
            if (!field.name || field.type === 'file' || field.name === '_csrf') {
                return;
            }
            if (field.type === 'radio' || field.type === 'checkbox') {
                if (field.checked) {
                    draft[field.name] = field.value;
                }
            } else {
                draft[field.name] = field.value;
            }
        });
        try {
            localStorage.setItem(key, JSON.stringify(draft));
        } catch (e) {
            // storage full: keep the fields without the photo
            delete draft.photoData;
            localStorage.setItem(key, JSON.stringify(draft));
        }
    };

    const showPhoto = () => {
        if (photoData.value) {
            preview.src = photoData.value;
            preview.hidden = false;
        }
    };

    const saved = localStorage.getItem(key);
    if (saved) {
        const draft = JSON.parse(saved);
        form.querySelectorAll('input, select').forEach(field => {
            if (!(field.name in draft) || field.type === 'file' || field.name === '_csrf') {
                return;
            }
            if (field.type === 'radio' || field.type === 'checkbox') {
                field.checked = draft[field.name] === field.value;
            } else {
                field.value = draft[field.name];
            }
        });
        showPhoto();
        const note = document.querySelector('[data-draft-restored]');
        if (note) {
            note.hidden = false;
        }
    }

    form.addEventListener('change', save);
    form.addEventListener('input', save);

    const locate = form.querySelector('[data-locate]');
    if (locate && navigator.geolocation) {
        locate.addEventListener('click', () => {
            navigator.geolocation.getCurrentPosition(
                p => {
                    location.value = p.coords.latitude.toFixed(5) + ',' + p.coords.longitude.toFixed(5);
                    locate.textContent = location.value;
                    save();
                },
                () => { locate.disabled = true; },
                { timeout: 10000 });
        });
    }

    fileInput.addEventListener('change', () => {
        const file = fileInput.files[0];
        if (!file) {
            return;
        }
        // read as a data URL (the page's policy allows data: images, not blob: ones)
        const reader = new FileReader();
        reader.onload = () => {
            const img = new Image();
            img.onload = () => {
                const scale = Math.min(1, 1600 / Math.max(img.width, img.height));
                const canvas = document.createElement('canvas');
                canvas.width = Math.round(img.width * scale);
                canvas.height = Math.round(img.height * scale);
                canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
                photoData.value = canvas.toDataURL('image/jpeg', 0.85);
                showPhoto();
                save();
            };
            img.src = reader.result;
        };
        reader.readAsDataURL(file);
    });

    form.addEventListener('submit', () => {
        save();
        if (photoData.value) {
            // the downscaled copy goes as photoData; the original file is not sent twice
            fileInput.value = '';
        }
    });
});
