package ChatKit::Runtime::Retry;

use strict;
use warnings;

use Exporter qw(import);

our $VERSION   = '0.01';
our @EXPORT_OK = qw(should_retry_status retry_after_seconds retry_delay);

our $INITIAL_RETRY_DELAY = 0.5;     # seconds before the first retry; doubles each time
our $MAX_RETRY_DELAY     = 8.0;     # cap of the computed delay
our $JITTER              = 0.25;    # the computed delay is randomised by +/- 25 %
our $MAX_RETRY_AFTER     = 60.0;    # a longer server-requested delay is ignored

my %RETRYABLE = map { $_ => 1 } 408, 409, 429;
my %MONTH;
@MONTH{qw(jan feb mar apr may jun jul aug sep oct nov dec)} = 0 .. 11;

# Whether a response is retried: 408, 409, 429 and 5xx; x-should-retry overrides.
sub should_retry_status {
    my ( $status, $headers ) = @_;
    my $flag = lc( $headers->{'x-should-retry'} // q{} );
    $flag =~ s/\A\s+|\s+\z//gxms;
    return 1 if $flag eq 'true';
    return 0 if $flag eq 'false';
    return $RETRYABLE{$status} || $status >= 500 ? 1 : 0;
}

sub _seconds {
    my ($text) = @_;
    return if !defined $text;
    $text =~ s/\A\s+|\s+\z//gxms;
    return $text + 0
        if $text =~ /\A[+-]?(?:\d+(?:[.]\d*)?|[.]\d+)(?:[eE][+-]?\d+)?\z/xms;
    return;
}

sub _http_date {
    my ( $text, $now ) = @_;
    my ( $day, $month, $year, $hour, $min, $sec ) = $text =~ m{
        \A\s*(?:\w+,\s*)?(\d{1,2})[\s-](\w{3})[\s-](\d{2,4})\s+(\d\d):(\d\d):(\d\d)
    }xms or return;
    my $index = $MONTH{ lc $month };
    return        if !defined $index;
    $year += 1900 if $year < 100;
    require Time::Local;
    my $when = eval { Time::Local::timegm( $sec, $min, $hour, $day, $index, $year ) };
    return if !defined $when;
    my $delay = $when - $now;
    return $delay > 0 ? $delay : 0;
}

# The delay the server asks for (retry-after-ms, else Retry-After), or undef.
sub retry_after_seconds {
    my ( $headers, $now ) = @_;
    my $seconds;
    if ( defined( my $ms = _seconds( $headers->{'retry-after-ms'} ) ) ) {
        $seconds = $ms / 1000;
    }
    if ( !defined $seconds && defined( my $raw = $headers->{'retry-after'} ) ) {
        $seconds = _seconds($raw) // _http_date( $raw, $now );
    }
    return if !defined $seconds || $seconds < 0 || $seconds > $MAX_RETRY_AFTER;
    return $seconds;
}

# Seconds to wait before retry number $retries_taken + 1.
sub retry_delay {
    my ( $retries_taken, $headers, $random_fraction, $now ) = @_;
    if ($headers) {
        my $requested = retry_after_seconds( $headers, $now );
        return $requested if defined $requested;
    }
    my $exponent = $retries_taken < 0 ? 0 : $retries_taken > 16 ? 16 : $retries_taken;
    my $base     = $INITIAL_RETRY_DELAY * 2**$exponent;
    $base = $MAX_RETRY_DELAY if $base > $MAX_RETRY_DELAY;
    return $base * ( 1 - $JITTER + 2 * $JITTER * $random_fraction );
}

1;

__END__

=head1 NAME

ChatKit::Runtime::Retry - which responses are retried, and how long to wait

=head1 DESCRIPTION

The policy of every oasgen SDK: 408, 409, 429 and 5xx responses and connection
failures are retried (C<x-should-retry: true|false> overrides the status);
C<retry-after-ms> or C<Retry-After> (seconds or an HTTP date, at most 60 s) is
honoured; otherwise the delay is 0.5 s doubling up to 8 s, with +/- 25 % jitter.

=head1 FUNCTIONS

=over 4

=item should_retry_status($status, \%headers)

=item retry_after_seconds(\%headers, $now)

=item retry_delay($retries_taken, \%headers, $random_fraction, $now)

=back

=cut
