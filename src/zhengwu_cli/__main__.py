import sys

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl-C in the first milliseconds: a message, not a traceback
    sys.stderr.write("\ninterrupted (Ctrl-C) before the command started; nothing was done\n")
    sys.exit(130)

main()
