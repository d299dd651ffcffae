"""`{% rendition_img image "fill-400x400|format-webp" loading="lazy" alt=… %}`: Wagtail's
`{% image %}` for a rendition the listing prefetched (marketplace.selectors.photos_prefetch).

On a page of 24 product cards `{% image %}` parsed its filter spec again at every render and
wrote each rendition back to the rendition cache, about 22 ms of the catalogue page; this
tag reads it through core.images.rendition instead. Same <img> markup.
"""

from django import template

from core.images import rendition

register = template.Library()


@register.simple_tag
def rendition_img(image, spec, **attrs):
    if not image:
        return ""
    return rendition(image, spec).img_tag(attrs)
