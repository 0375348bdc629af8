"""Open data: the catalog as JSON, CSV and JSON-LD, feeds of changes, the sitemap's dates, and the page that
describes them (/du-lieu/). ``records`` turns the catalog into plain values once; every format is made of them."""
