"""The JSON API and the web dashboard over a Parley corpus (see :func:`parley.serve.app.create_app`)."""
