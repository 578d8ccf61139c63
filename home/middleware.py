class AdminPreviewFramingMiddleware:
    """Let the Wagtail admin frame its own previews; everything else keeps X-Frame-Options DENY.

    Listed after XFrameOptionsMiddleware, so it sees the response first and the
    clickjacking middleware leaves the header it sets alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response
