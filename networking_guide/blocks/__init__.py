"""The guide's own Markdown blocks: checklists a reader ticks, and message templates to copy.

    ::: checklist {#before-the-event}              ::: template {#thanks-after-meeting}
    - [ ] Check the programme {#programme}          Subject: Thank you for yesterday
        An optional hint, indented by four spaces.
    - [ ] Sleep well {#rest}                        Dear [Name],
    :::                                             …
                                                    :::

``syntax`` reads one block (for the build and for the checks alike); ``scan`` finds the blocks
of a page through the source reader and checks them across languages; ``extension`` is the
Python-Markdown extension that renders them, wherever Markdown blocks nest.
"""
