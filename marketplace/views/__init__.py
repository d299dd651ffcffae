"""Views of the marketplace catalogue: public pages (catalogue) and the seller dashboard (seller_*)."""
