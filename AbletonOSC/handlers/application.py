"""/live/application/*: Live's version and load."""


def get_version(ctx, song):
    app = ctx.application
    return (app.get_major_version(), app.get_minor_version())


def get_average_process_usage(ctx, song):
    return (float(ctx.application.average_process_usage),)


def register(reg):
    reg.add("/live/application/get/version", "get", "song", get_version, reply="major:i minor:i", echo=False,
            doc="Live's major and minor version", example="/live/application/get/version",
            members=("Application.get_major_version", "Application.get_minor_version"))
    reg.add("/live/application/get/average_process_usage", "get", "song", get_average_process_usage,
            reply="usage:f", echo=False, doc="Live's average CPU load (0.0-1.0)", since=(11, 1),
            members="Application.average_process_usage")
