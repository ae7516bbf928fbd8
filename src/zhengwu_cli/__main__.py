import sys

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl-C in the first milliseconds: a message, not a traceback
    from .i18n import _

    said = _("interrupted (Ctrl-C) before the command started; nothing was done")
    sys.stderr.write(f"\n{said}\n")
    sys.exit(130)

main()
