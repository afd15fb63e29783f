"""The data files the code reads, shipped in the wheel as the package ``pledgebot_data``.

Read them through ``bot.resources`` (``data_path``, ``read_data_text``, ``read_data_json``).
"""
