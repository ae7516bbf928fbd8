"""zhengwu: a checklist compiler for government information-disclosure (政务公开) task tables."""

__version__ = "0.1.0"
