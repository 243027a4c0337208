package TestServer;

# A scripted HTTP/1.1 server on 127.0.0.1 for the distribution's own tests: each request
# gets the next reply (the last one repeats); the requests are recorded as they arrived.

use strict;
use warnings;

use IO::Socket::INET ();
use File::Temp       ();
use JSON::PP         ();
use POSIX            ();
use Time::HiRes      ();

sub start {
    my ( $class, @replies ) = @_;
    my $listen = IO::Socket::INET->new(
        LocalAddr => '127.0.0.1',
        LocalPort => 0,
        Listen    => 16,
        ReuseAddr => 1,
    ) or die "cannot listen: $!";
    my ( $fh, $log ) = File::Temp::tempfile( UNLINK => 1 );
    close $fh or die;
    my $pid = fork;
    die "cannot fork: $!" if !defined $pid;
    if ( !$pid ) {
        _serve( $listen, $log, \@replies );
        POSIX::_exit(0);
    }
    my $port = $listen->sockport;
    close $listen or die;
    return bless { pid => $pid, log => $log, url => "http://127.0.0.1:$port" }, $class;
}

sub url { my ($self) = @_; return $self->{url} }

sub _serve {
    my ( $listen, $log, $replies ) = @_;
    my $i = 0;
    while ( my $conn = $listen->accept ) {
        my $request = _read($conn) or next;
        open my $out, '>>', $log or die;
        print {$out} JSON::PP->new->canonical->encode($request), "\n";
        close $out or die;
        my $reply = $replies->[ $i < @{$replies} ? $i : $#{$replies} ];
        $i++;
        Time::HiRes::sleep( $reply->{delay} ) if $reply->{delay};
        if ( $reply->{drop} ) { close $conn; next }
        my $body = $reply->{body} // q{};
        $body = JSON::PP->new->encode( $reply->{json} ) if exists $reply->{json};
        my %headers = ( 'Content-Length' => length $body, 'Connection' => 'close' );
        $headers{'Content-Type'} = 'application/json' if exists $reply->{json};
        %headers = ( %headers, %{ $reply->{headers} || {} } );
        my $head   = join q{}, map {"$_: $headers{$_}\r\n"} sort keys %headers;
        my $status = $reply->{status} || 200;
        print {$conn} "HTTP/1.1 $status Scripted\r\n$head\r\n$body";
        close $conn;
    }
    return;
}

sub _read {
    my ($conn) = @_;
    my $line = <$conn>;
    return if !defined $line;
    my ( $method, $path ) = split q{ }, $line;
    my %headers;
    while ( defined( my $h = <$conn> ) ) {
        $h =~ s/\r?\n\z//xms;
        last if $h eq q{};
        my ( $k, $v ) = split /:\s*/xms, $h, 2;
        $headers{ lc $k } = $v;
    }
    my $body = q{};
    read $conn, $body, $headers{'content-length'} if $headers{'content-length'};
    return { method => $method, path => $path, headers => \%headers, body => $body };
}

# The requests received so far, in order.
sub requests {
    my ($self) = @_;
    open my $in, '<', $self->{log} or die;
    my @out = map { JSON::PP->new->decode($_) } <$in>;
    close $in or die;
    return @out;
}

sub stop {
    my ($self) = @_;
    return if !$self->{pid};
    kill 'TERM', $self->{pid};
    waitpid $self->{pid}, 0;
    $self->{pid} = 0;
    return;
}

sub DESTROY { my ($self) = @_; $self->stop; return }

1;
