"""`python -m htst run app.py`"""

from .cli import main

raise SystemExit(main())
