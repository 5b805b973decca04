"""The public site as plain data: pages (Markdown + sanitised HTML) and machine-readable files.

Nothing here imports MkDocs: `site_builder.mkdocs_plugin` is the thin adapter that hands these
pages to MkDocs, so another static-site engine (e.g. Zensical) can reuse the same generator."""
