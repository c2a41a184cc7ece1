"""The text analysis of newsroom: a spaCy pipeline that finds quotes, speakers, statements and
denials in one article. Nothing here imports Django; `pipeline.build_pipeline` assembles it."""
