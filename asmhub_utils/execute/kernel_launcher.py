"""The pool's kernel process: ipykernel's own launcher (`python -m ipykernel_launcher`) without its debugger.

The pool runs notebooks and never debugs them; importing debugpy was about 0.1 s of a kernel's 0.6 s start, on the
critical path of every `asmhub profile` (kernel_start starts kernels with this module).
"""

import sys
from pathlib import Path

if __name__ == "__main__":
    sys.modules["debugpy"] = None  # ipykernel.debugger's `import debugpy` fails, and the kernel starts without one
    if sys.path[0] == "" or Path(sys.path[0]) == Path.cwd():
        del sys.path[0]  # as ipykernel_launcher does: the kernel adds the folder back when it starts

    from ipykernel import kernelapp

    kernelapp.launch_new_instance()
