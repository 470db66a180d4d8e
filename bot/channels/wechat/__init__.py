"""WeChat Official Account and WeCom channel: callback protocol, crypto, rendering, outbox."""
